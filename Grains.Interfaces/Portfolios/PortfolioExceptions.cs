namespace Meridian.Grains.Portfolios;

/// <summary>An operation on a portfolio that has not been opened.</summary>
public sealed class PortfolioNotFoundException(string portfolioId)
    : InvalidOperationException($"portfolio '{portfolioId}' does not exist; open it first")
{
    /// <summary>The portfolio asked for.</summary>
    public string PortfolioId { get; } = portfolioId;
}

/// <summary>Opening a portfolio that is already open.</summary>
public sealed class PortfolioExistsException(string portfolioId) : InvalidOperationException($"portfolio '{portfolioId}' is already open")
{
    /// <summary>The portfolio asked for.</summary>
    public string PortfolioId { get; } = portfolioId;
}
