namespace Meridian.Runtime.CodeGeneration;

/// <summary>The rest of an inline call whose method did not complete synchronously.</summary>
internal sealed class InlineContinuation<TResult>(GrainMethod method) : GrainRequest<TResult>
{
    public override GrainMethod Method { get; } = method;

    public override int ArgumentCount => 0;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    public override ValueTask<TResult> InvokeAsync(object grain) =>
        throw new InvalidOperationException("an inline continuation has already been invoked");
}
