using System.Globalization;
using Baize.Compression.Architectures;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>
/// The four encoders of one shared space plus the contrastive temperature they are trained with
/// (a learned log inverse temperature, CLIP's parameterisation).
/// </summary>
public sealed class EncoderSet : IDisposable
{
    /// <summary>CLIP's starting temperature, 0.07.</summary>
    public static readonly double InitialLogitScale = Math.Log(1 / 0.07);

    /// <summary>CLIP's cap on the inverse temperature (100), which keeps training stable.</summary>
    public static readonly double MaxLogitScale = Math.Log(100);

    private const string LogitScaleFile = "logit_scale.txt";

    /// <param name="device">Where the weights live and batches run: <see cref="Hardware.TrainingDevice.Select"/>.</param>
    public EncoderSet(EncoderSetConfig config, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        // Image and audio share one encoder class, so only their inputs tell the two configs apart.
        if (config.Image.Input != ConvolutionalInput.Image || config.Audio.Input != ConvolutionalInput.Audio)
        {
            throw new ArgumentException("The image and audio configs must read the image and audio inputs.", nameof(config));
        }

        Config = config;
        Text = new TextEncoder(config.Text);
        Image = new ConvolutionalEncoder(config.Image);
        Audio = new ConvolutionalEncoder(config.Audio);
        Video = new VideoEncoder(config.Video);
        Device = device ?? CPU;
        foreach (var module in Modules)
        {
            module.to(Device);
        }

        LogitScale = nn.Parameter(torch.tensor((float)InitialLogitScale, device: Device));
    }

    public EncoderSetConfig Config { get; }

    public Device Device { get; }

    public TextEncoder Text { get; }

    public ConvolutionalEncoder Image { get; }

    public ConvolutionalEncoder Audio { get; }

    public VideoEncoder Video { get; }

    public Parameter LogitScale { get; }

    public IEnumerable<nn.Module> Modules => [Text, Image, Audio, Video];

    public IEncoder this[Modality modality] => modality switch
    {
        Modality.Text => Text,
        Modality.Image => Image,
        Modality.Audio => Audio,
        Modality.Video => Video,
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
    };

    public IEnumerable<Parameter> Parameters() =>
        Modules.SelectMany(m => m.parameters()).Append(LogitScale);

    public void SetTraining(bool training)
    {
        foreach (var module in Modules)
        {
            module.train(training);
        }
    }

    /// <summary>Keeps the temperature inside CLIP's range after an optimiser step.</summary>
    public void ClampLogitScale()
    {
        using var _ = torch.no_grad();
        LogitScale.clamp_(0, MaxLogitScale);
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var modality in Enum.GetValues<Modality>())
        {
            EncoderWeights.Save((nn.Module)this[modality], Path.Combine(folder, WeightsFile(modality)));
        }

        File.WriteAllText(Path.Combine(folder, LogitScaleFile), LogitScale.item<float>().ToString("R", CultureInfo.InvariantCulture));
    }

    public void Load(string folder)
    {
        foreach (var modality in Enum.GetValues<Modality>())
        {
            EncoderWeights.Load((nn.Module)this[modality], Path.Combine(folder, WeightsFile(modality)));
        }

        var stored = float.Parse(File.ReadAllText(Path.Combine(folder, LogitScaleFile)), CultureInfo.InvariantCulture);
        using var _ = torch.no_grad();
        LogitScale.fill_(stored);
    }

    public void Dispose()
    {
        foreach (var module in Modules)
        {
            module.Dispose();
        }

        LogitScale.Dispose();
    }

    private static string WeightsFile(Modality modality) => $"{ManifestJson.ModalityName(modality)}.dat";
}
