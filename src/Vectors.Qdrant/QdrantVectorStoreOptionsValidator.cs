using Microsoft.Extensions.Options;

namespace Baize.Vectors.Qdrant;

/// <summary>Validates the options bound for <c>AddQdrantVectorStore</c>, naming every problem.</summary>
internal sealed class QdrantVectorStoreOptionsValidator : IValidateOptions<QdrantVectorStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, QdrantVectorStoreOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
