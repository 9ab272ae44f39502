using System.Text.Json;
using Baize.Embedding;
using Baize.Embedding.Models;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>
/// Rebuilds the trainable TorchSharp encoder of a model folder: the architecture and widths its manifest records,
/// then the training weights from weights.dat. This is where compression starts from a shipped teacher.
/// </summary>
public static class EncoderFolder
{
    /// <summary>The JSON naming the exporter writes configs with.</summary>
    public static JsonSerializerOptions ConfigJson { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The encoder of <paramref name="folder"/> (validated like the serving side does), on the CPU in eval mode.</summary>
    public static IEncoder Load(ModelFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var weights = Path.Combine(folder.Path, ModelFolder.WeightsFileName);
        if (!File.Exists(weights))
        {
            throw new InvalidOperationException($"{folder.Path} has no {ModelFolder.WeightsFileName}: only folders with training weights can be compressed.");
        }

        var encoder = ConfigOf(folder).Build();
        EncoderWeights.Load((nn.Module)encoder, weights);
        ((nn.Module)encoder).eval();
        return encoder;
    }

    /// <summary>The architecture config recorded in the folder's manifest.</summary>
    public static IEncoderConfig ConfigOf(ModelFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var architecture = folder.Manifest.Architecture;
        var config = architecture.Config;
        IEncoderConfig? parsed = (folder.Modality, architecture.Name) switch
        {
            (Modality.Text, nameof(TextEncoder)) => config.Deserialize<TextEncoderConfig>(ConfigJson),
            (Modality.Video, nameof(VideoEncoder)) => config.Deserialize<VideoEncoderConfig>(ConfigJson),
            (Modality.Image, _) when architecture.Name == ConvolutionalInput.Image.ArchitectureName =>
                config.Deserialize<ConvolutionalEncoderConfig>(ConfigJson)! with { Input = ConvolutionalInput.Image },
            (Modality.Audio, _) when architecture.Name == ConvolutionalInput.Audio.ArchitectureName =>
                config.Deserialize<ConvolutionalEncoderConfig>(ConfigJson)! with { Input = ConvolutionalInput.Audio },
            _ => throw new InvalidOperationException($"{folder.Path}: no trainable architecture named {architecture.Name} for {folder.Modality}."),
        };
        return parsed ?? throw new InvalidOperationException($"{folder.Path}: the manifest has no architecture config.");
    }
}
