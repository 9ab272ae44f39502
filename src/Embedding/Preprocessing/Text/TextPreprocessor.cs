using Microsoft.ML.Tokenizers;

namespace Baize.Embedding.Preprocessing.Text;

/// <summary>
/// Turns text into the text encoder's input: BERT normalisation (lowercasing when configured), WordPiece
/// tokenisation, then <c>[CLS] tokens… [SEP]</c> truncated or padded with [PAD] (id 0) to <see cref="TextPreprocessing.MaxTokens"/>.
/// Thread-safe.
/// </summary>
public sealed class TextPreprocessor
{
    /// <summary>
    /// Characters looked at per token slot. The tokenizer maps a word longer than 100 characters to one [UNK],
    /// so this prefix always holds enough words to fill the sequence and bounds the work on huge inputs.
    /// </summary>
    private const int CharsPerTokenSlot = 101;

    private readonly BertTokenizer _tokenizer;

    public TextPreprocessor(TextPreprocessing parameters, string vocabularyPath)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.MaxTokens, 2);
        Parameters = parameters;
        _tokenizer = BertTokenizer.Create(vocabularyPath, CreateOptions(parameters.Lowercase));
        VocabularySize = File.ReadLines(vocabularyPath).Count();
    }

    public TextPreprocessing Parameters { get; }

    /// <summary>Number of token ids (one per vocabulary line): the row count of a model's token embedding table.</summary>
    public int VocabularySize { get; }

    /// <summary>Options shared with <see cref="WordPieceVocabularyBuilder"/>, so vocabulary building splits words exactly as tokenisation does.</summary>
    internal static BertOptions CreateOptions(bool lowercase) => new()
    {
        LowerCaseBeforeTokenization = lowercase,
        UnknownToken = SpecialTokens.Unknown,
        ClassificationToken = SpecialTokens.Classification,
        SeparatorToken = SpecialTokens.Separator,
        PaddingToken = SpecialTokens.Padding,
        MaskingToken = SpecialTokens.Mask,

        // User text that spells "[SEP]" stays plain text instead of injecting a control token.
        SplitOnSpecialTokens = false,
    };

    public TokenizedText Tokenize(string text)
    {
        var ids = new long[Parameters.MaxTokens];
        var mask = new long[Parameters.MaxTokens];
        Tokenize(text, ids, mask);
        return new TokenizedText(ids, mask);
    }

    /// <summary>Writes one text's ids and mask into caller-owned rows, such as a slice of a training batch.</summary>
    public void Tokenize(string text, Span<long> inputIds, Span<long> attentionMask)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Parameters.MaxTokens;
        if (inputIds.Length != length || attentionMask.Length != length)
        {
            throw new ArgumentException($"Both rows must have exactly {length} elements.");
        }

        var prefix = text.AsSpan(0, Math.Min(text.Length, length * CharsPerTokenSlot));
        if (prefix.Length < text.Length && char.IsHighSurrogate(prefix[^1]))
        {
            prefix = prefix[..^1];
        }

        var ids = _tokenizer.EncodeToIds(prefix, length, addSpecialTokens: true, out _, out _);
        inputIds.Clear();
        attentionMask.Clear();
        for (var i = 0; i < ids.Count; i++)
        {
            inputIds[i] = ids[i];
            attentionMask[i] = 1;
        }
    }
}
