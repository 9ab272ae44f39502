using System.Text.Json.Serialization;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Text;
using Baize.Embedding.Preprocessing.Video;

namespace Baize.Embedding.Manifests;

/// <summary>The manifest's preprocessing section: the entry matching the model's modality is used; absent entries are not written.</summary>
public sealed record PreprocessingParameters
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextPreprocessing? Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImagePreprocessing? Image { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AudioPreprocessing? Audio { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VideoPreprocessing? Video { get; init; }

    /// <summary>Default parameters for one modality, the starting point before training fills in real statistics.</summary>
    public static PreprocessingParameters Default(Modality modality) => modality switch
    {
        Modality.Text => new() { Text = new TextPreprocessing() },
        Modality.Image => new() { Image = new ImagePreprocessing() },
        Modality.Audio => new() { Audio = new AudioPreprocessing() },
        Modality.Video => new() { Video = new VideoPreprocessing() },
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
    };

    /// <summary>Whether the entry for <paramref name="modality"/> is present.</summary>
    public bool Has(Modality modality) => modality switch
    {
        Modality.Text => Text is not null,
        Modality.Image => Image is not null,
        Modality.Audio => Audio is not null,
        Modality.Video => Video is not null,
        _ => false,
    };
}
