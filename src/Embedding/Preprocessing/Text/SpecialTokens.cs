namespace Baize.Embedding.Preprocessing.Text;

/// <summary>
/// The special tokens at the head of every vocabulary Baize builds, in id order. [MASK] is not used by the
/// encoders, but Microsoft.ML.Tokenizers' BertTokenizer refuses a vocabulary without it.
/// </summary>
public static class SpecialTokens
{
    public const string Padding = "[PAD]";
    public const string Unknown = "[UNK]";
    public const string Classification = "[CLS]";
    public const string Separator = "[SEP]";
    public const string Mask = "[MASK]";

    /// <summary>All of them, in vocabulary order: [PAD] is id 0, so zero-filled id arrays are padding.</summary>
    public static IReadOnlyList<string> All { get; } = [Padding, Unknown, Classification, Separator, Mask];
}
