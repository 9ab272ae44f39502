using Baize.Embedding.Models;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Embedding.Runtime;

/// <summary>Creates the serving session of a model: full graph optimisation, and in GPU builds CUDA with a fallback to CPU.</summary>
internal static class InferenceSessionFactory
{
    public static InferenceSession Create(ModelFolder model, EncoderOptions options, ILogger logger)
    {
#if BAIZE_GPU
        try
        {
            using var gpu = CreateOptions(options);
            gpu.AppendExecutionProvider_CUDA(options.CudaDeviceId);
            var session = new InferenceSession(model.ModelPath, gpu);
            EncoderLog.RunsOnCuda(logger, model.Modality, model.Version, options.CudaDeviceId);
            return session;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            // A CPU-only native library lacks the CUDA entry point; a GPU one without CUDA installed fails to load it.
            EncoderLog.CudaUnavailable(logger, ex, model.Modality, model.Version);
        }
#endif
        using var cpu = CreateOptions(options);
        var cpuSession = new InferenceSession(model.ModelPath, cpu);
        EncoderLog.RunsOnCpu(logger, model.Modality, model.Version);
        return cpuSession;
    }

    private static SessionOptions CreateOptions(EncoderOptions options) => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        IntraOpNumThreads = options.IntraOpThreads,

        // Errors still surface as exceptions; ONNX Runtime's own warnings would only clutter the service log.
        LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
    };
}
