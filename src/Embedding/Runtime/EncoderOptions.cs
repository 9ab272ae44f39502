using Baize.Embedding.Media;

namespace Baize.Embedding.Runtime;

/// <summary>How encoders run: ONNX Runtime threading, batch size, preprocessing parallelism and media limits.</summary>
public sealed record EncoderOptions
{
    public static EncoderOptions Default { get; } = new();

    /// <summary>Threads ONNX Runtime may use inside one run; 0 lets it choose (one per core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Largest batch sent to the model in one run; bigger requests are split.</summary>
    public int MaxBatchSize { get; init; } = 32;

    /// <summary>Files preprocessed at once by the Embed*Async helpers.</summary>
    public int PreprocessingParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>CUDA device for GPU builds (-p:BaizeGpu=true); CPU builds never use a GPU.</summary>
    public int CudaDeviceId { get; init; }

    public MediaDecodeOptions Media { get; init; } = MediaDecodeOptions.Default;
}
