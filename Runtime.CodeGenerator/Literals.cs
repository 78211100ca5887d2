using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Meridian.Runtime.CodeGenerator;

/// <summary>Spells a parameter's default value as a C# expression of the parameter's type.</summary>
internal static class Literals
{
    public static string DefaultValue(ITypeSymbol type, object? value)
    {
        var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        if (value is null)
        {
            if (type.IsReferenceType)
                return "null!";
            return "default(" + TypeNames.FullName(type) + ")";
        }

        // Enums (and Nullable<enum>) get their underlying value: cast it back.
        var valueType = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var literal = Primitive(value);
        return valueType.TypeKind == TypeKind.Enum || valueType.SpecialType is not (SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Boolean)
            ? "(" + TypeNames.FullNameNotAnnotated(valueType) + ")(" + literal + ")"
            : literal;
    }

    private static string Primitive(object value) => value switch
    {
        string text => SymbolDisplay.FormatLiteral(text, quote: true),
        char character => SymbolDisplay.FormatLiteral(character, quote: true),
        bool flag => flag ? "true" : "false",
        double number => Double(number),
        float number => Single(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture) + "m",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "default",
    };

    private static string Double(double number)
    {
        if (double.IsNaN(number))
            return "global::System.Double.NaN";
        if (double.IsPositiveInfinity(number))
            return "global::System.Double.PositiveInfinity";
        if (double.IsNegativeInfinity(number))
            return "global::System.Double.NegativeInfinity";
        return number.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    private static string Single(float number)
    {
        if (float.IsNaN(number))
            return "global::System.Single.NaN";
        if (float.IsPositiveInfinity(number))
            return "global::System.Single.PositiveInfinity";
        if (float.IsNegativeInfinity(number))
            return "global::System.Single.NegativeInfinity";
        return number.ToString("R", CultureInfo.InvariantCulture) + "f";
    }
}
