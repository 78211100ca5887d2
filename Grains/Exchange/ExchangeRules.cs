using Meridian.Grains.Domain;

namespace Meridian.Grains.Exchange;

/// <summary>
/// How the simulated exchange charges and slips fills, and where an intraday session ends (for day and cls orders).
/// Daily bars (period of a day or more) are one session each, whatever the close time says.
/// </summary>
public sealed record ExchangeRules
{
    /// <summary>No commission, no slippage, sessions close at 16:00 New York time.</summary>
    public static ExchangeRules Default { get; } = new();

    /// <summary>What each fill costs.</summary>
    public CommissionModel Commission { get; init; } = CommissionModel.Free;

    /// <summary>How fills trade worse than the bar and how much volume they may take.</summary>
    public SlippageModel Slippage { get; init; } = SlippageModel.None;

    /// <summary>The local time of day an intraday session ends.</summary>
    public TimeOnly SessionClose { get; init; } = new(16, 0);

    /// <summary>The IANA time zone <see cref="SessionClose"/> is in.</summary>
    public string SessionTimeZone { get; init; } = "America/New_York";

    /// <summary>Every setting that is wrong (empty when the rules are valid).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Commission is null)
            errors.Add(new("commission", "is required; use CommissionModel.Free for none"));
        else
            errors.AddRange(Commission.Validate());
        if (Slippage is null)
            errors.Add(new("slippage", "is required; use SlippageModel.None for none"));
        else
            errors.AddRange(Slippage.Validate());
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(SessionTimeZone ?? string.Empty, out _))
            errors.Add(new("session_time_zone", $"'{SessionTimeZone}' is not a known time zone; use an IANA id such as America/New_York"));
        return errors;
    }

    /// <summary>Throws <see cref="InvalidInputException"/> listing every bad setting, or returns the rules.</summary>
    public ExchangeRules EnsureValid() =>
        Validate() is { Count: > 0 } errors ? throw new InvalidInputException("exchange rules", errors) : this;
}
