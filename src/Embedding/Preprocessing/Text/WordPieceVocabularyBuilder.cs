using System.Text;
using Microsoft.ML.Tokenizers;

namespace Baize.Embedding.Preprocessing.Text;

/// <summary>
/// Builds a WordPiece <c>vocab.txt</c> from training texts: the special tokens (ids 0–4), every word seen at least
/// <see cref="MinWordCount"/> times (most frequent first), then every single character and its <c>##</c> continuation,
/// so a word missing from the vocabulary is spelled out in characters instead of becoming [UNK].
/// Words are split exactly as <see cref="TextPreprocessor"/> splits them. Not thread-safe.
/// </summary>
public sealed class WordPieceVocabularyBuilder
{
    /// <summary>The tokenizer's limit: longer words become [UNK] whatever the vocabulary holds.</summary>
    private const int MaxWordChars = 100;

    private const string ContinuationPrefix = "##";

    /// <summary>Always present, so queries with letters or digits absent from the training texts still tokenise.</summary>
    private const string BaseCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly Dictionary<string, int> _wordCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _characters = new(StringComparer.Ordinal);
    private readonly Normalizer? _normalizer;
    private readonly PreTokenizer? _preTokenizer;

    public WordPieceVocabularyBuilder(int minWordCount = 2, bool lowercase = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minWordCount, 1);
        MinWordCount = minWordCount;

        // A tokenizer over the special tokens alone lends its normaliser and pre-tokeniser.
        using var specials = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', SpecialTokens.All)));
        var tokenizer = BertTokenizer.Create(specials, TextPreprocessor.CreateOptions(lowercase));
        _normalizer = tokenizer.Normalizer;
        _preTokenizer = tokenizer.PreTokenizer;
        AddCharacters(BaseCharacters);
    }

    public int MinWordCount { get; }

    public void Add(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = _normalizer?.Normalize(text) ?? text;
        var words = _preTokenizer?.PreTokenize(normalized) ?? [(0, normalized.Length)];
        foreach (var (offset, length) in words)
        {
            var word = normalized.Substring(offset, length).Trim();
            if (word.Length is 0 or > MaxWordChars)
            {
                continue;
            }

            _wordCounts[word] = _wordCounts.GetValueOrDefault(word) + 1;
            AddCharacters(word);
        }
    }

    public void AddRange(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            Add(text);
        }
    }

    /// <summary>The vocabulary in id order; deterministic for the same texts in any order.</summary>
    public IReadOnlyList<string> Build()
    {
        var tokens = new List<string>(SpecialTokens.All);
        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        var words = _wordCounts
            .Where(pair => pair.Value >= MinWordCount)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        var characters = _characters.Order(StringComparer.Ordinal).ToList();
        foreach (var token in words.Concat(characters).Concat(characters.Select(c => ContinuationPrefix + c)))
        {
            if (seen.Add(token))
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>Writes <see cref="Build"/> as vocab.txt: UTF-8 without BOM, one token per line, line number = id.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        var content = string.Join('\n', Build()) + "\n";
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }

    private void AddCharacters(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune))
            {
                _characters.Add(rune.ToString());
            }
        }
    }
}
