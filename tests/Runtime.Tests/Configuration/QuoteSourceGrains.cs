namespace Meridian.Runtime.Tests.Configuration;

/// <summary>Implemented by two classes; [DefaultGrainType] names the one that serves calls without a prefix.</summary>
[DefaultGrainType("primaryquotes")]
public interface IQuoteSourceGrain : IGrainWithStringKey
{
    Task<string> Source();
}

public sealed class PrimaryQuotesGrain : Grain, IQuoteSourceGrain
{
    public Task<string> Source() => Task.FromResult("primary");
}

public sealed class BackupQuotesGrain : Grain, IQuoteSourceGrain
{
    public Task<string> Source() => Task.FromResult("backup");
}
