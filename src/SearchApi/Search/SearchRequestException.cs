namespace Baize.SearchApi.Search;

/// <summary>A search request breaks a rule; <see cref="Field"/> names the offending part (e.g. <c>filter.color</c>).</summary>
public sealed class SearchRequestException(string field, string problem) : Exception($"{field} {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
