using Baize.Embedding.Preprocessing.Text;
using Baize.Embedding.Runtime;

namespace Baize.Indexer.Batching;

/// <summary>One caller's input waiting for a batch: exactly one of <see cref="Features"/> and <see cref="Text"/> is set.</summary>
internal sealed record EmbeddingRequest(OnnxEncoder Encoder, float[]? Features, TokenizedText? Text, CancellationToken CancellationToken)
{
    public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
