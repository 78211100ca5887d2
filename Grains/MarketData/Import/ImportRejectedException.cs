namespace Meridian.Grains.MarketData.Import;

/// <summary>
/// An import refused before it changed anything: the input files are malformed (<see cref="Errors"/> says where and
/// how), or the import cannot go ahead for a reason its message gives.
/// </summary>
public sealed class ImportRejectedException : Exception
{
    public ImportRejectedException(SourceErrorList errors)
        : base(Describe(errors)) => Errors = errors;

    public ImportRejectedException(string message)
        : base(message) => Errors = new SourceErrorList();

    public ImportRejectedException()
        : this("the import was refused")
    {
    }

    public ImportRejectedException(string message, Exception innerException)
        : base(message, innerException) => Errors = new SourceErrorList();

    /// <summary>Where the input is malformed (empty when the refusal has another reason).</summary>
    public SourceErrorList Errors { get; }

    private static string Describe(SourceErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"the import was refused: {errors.Count} error{(errors.Count == 1 ? "" : "s")} in the input, nothing was written{Environment.NewLine}{errors}";
    }
}
