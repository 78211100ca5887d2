namespace Meridian.Gateway.Problems;

/// <summary>Thrown by gateway code to answer with <see cref="Problem"/> from wherever it is (a filter, a body reader).</summary>
public sealed class ProblemException(Problem problem) : Exception(problem?.Detail)
{
    /// <summary>The answer.</summary>
    public Problem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));
}
