namespace Baize.Indexer.Items;

/// <summary>What an item is, judged from its bytes: which modalities it is indexed under follows from this.</summary>
public enum ItemKind
{
    /// <summary>UTF-8 text, indexed as one text segment.</summary>
    Text,

    /// <summary>PNG, JPEG or WebP, indexed as one image segment.</summary>
    Image,

    /// <summary>WAV, MP3, OGG or FLAC (or a video container without a picture), indexed as overlapping audio windows.</summary>
    Audio,

    /// <summary>MP4, WebM or MKV with a picture: video windows, plus audio windows of its sound track when it has one.</summary>
    Video,
}
