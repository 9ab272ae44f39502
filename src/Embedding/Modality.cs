namespace Baize.Embedding;

/// <summary>The kinds of media that embed into the shared space.</summary>
public enum Modality
{
    Text,
    Image,
    Audio,
    Video,
}
