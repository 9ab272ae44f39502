namespace Baize.Embedding.Preprocessing.Text;

/// <summary>Text preprocessing parameters, stored in the manifest under <c>preprocessing.text</c>.</summary>
public sealed record TextPreprocessing
{
    /// <summary>Sequence length of the model input, [CLS] and [SEP] included.</summary>
    public int MaxTokens { get; init; } = 32;

    public bool Lowercase { get; init; } = true;

    /// <summary>WordPiece vocabulary, relative to the model folder.</summary>
    public string VocabularyFile { get; init; } = "vocab.txt";
}
