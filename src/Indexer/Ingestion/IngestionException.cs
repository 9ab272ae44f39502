namespace Baize.Indexer.Ingestion;

/// <summary>An upload was refused; <see cref="Problem"/> says how the caller went wrong.</summary>
public sealed class IngestionException(IngestionProblem problem, string message) : Exception(message)
{
    public IngestionProblem Problem { get; } = problem;
}
