using Microsoft.Extensions.Logging;

namespace Baize.Embedding.Runtime;

/// <summary>Source-generated log messages of the encoder runtime.</summary>
internal static partial class EncoderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Modality} encoder {Version} runs on CPU")]
    public static partial void RunsOnCpu(ILogger logger, Modality modality, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Modality} encoder {Version} runs on CUDA device {DeviceId}")]
    public static partial void RunsOnCuda(ILogger logger, Modality modality, string version, int deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CUDA is not usable for the {Modality} encoder {Version}; falling back to CPU")]
    public static partial void CudaUnavailable(ILogger logger, Exception exception, Modality modality, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activated {Modality} encoder {Version} (replacing {PreviousVersion})")]
    public static partial void Activated(ILogger logger, Modality modality, string version, string previousVersion);
}
