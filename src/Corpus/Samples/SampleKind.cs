using System.Text.Json.Serialization;

namespace Baize.Corpus.Samples;

/// <summary>A still scene (PNG) or a moving clip (MP4); both carry spoken audio of their caption.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SampleKind>))]
public enum SampleKind
{
    [JsonStringEnumMemberName("scene")]
    Scene,

    [JsonStringEnumMemberName("clip")]
    Clip,
}
