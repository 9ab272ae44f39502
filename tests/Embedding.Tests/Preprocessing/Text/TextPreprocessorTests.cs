using Baize.Embedding.Preprocessing.Text;
using Baize.TestSupport;

namespace Baize.Embedding.Tests.Preprocessing.Text;

public sealed class TextPreprocessorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TextPreprocessor _preprocessor;
    private readonly IReadOnlyList<string> _vocabulary;

    public TextPreprocessorTests()
    {
        var builder = new WordPieceVocabularyBuilder(minWordCount: 1);
        builder.AddRange(["a red shirt on a table", "a blue coat"]);
        _vocabulary = builder.Build();
        var path = _temp.File("vocab.txt");
        File.WriteAllLines(path, _vocabulary);
        _preprocessor = new TextPreprocessor(new TextPreprocessing(), path);
    }

    [Fact]
    public void Short_text_is_wrapped_in_cls_and_sep_and_padded_to_32_with_a_matching_mask()
    {
        var tokens = _preprocessor.Tokenize("A RED shirt");

        Assert.Equal(32, tokens.InputIds.Length);
        Assert.Equal(32, tokens.AttentionMask.Length);
        Assert.Equal([Id("[CLS]"), Id("a"), Id("red"), Id("shirt"), Id("[SEP]")], tokens.InputIds.Take(5));
        Assert.All(tokens.InputIds.Skip(5), id => Assert.Equal(0, id));
        Assert.Equal([1, 1, 1, 1, 1], tokens.AttentionMask.Take(5));
        Assert.All(tokens.AttentionMask.Skip(5), m => Assert.Equal(0, m));
        Assert.Equal(5, tokens.TokenCount);
    }

    [Fact]
    public void Long_text_is_truncated_to_32_tokens_ending_in_sep()
    {
        var text = string.Join(' ', Enumerable.Repeat("red shirt", 40));

        var tokens = _preprocessor.Tokenize(text);

        Assert.Equal(32, tokens.TokenCount);
        Assert.Equal(Id("[CLS]"), tokens.InputIds[0]);
        Assert.Equal(Id("[SEP]"), tokens.InputIds[31]);
        Assert.All(tokens.AttentionMask, m => Assert.Equal(1, m));
    }

    [Fact]
    public void Unknown_words_fall_back_to_characters_instead_of_unk()
    {
        var tokens = _preprocessor.Tokenize("tabla");

        Assert.Equal([Id("[CLS]"), Id("t"), Id("##a"), Id("##b"), Id("##l"), Id("##a"), Id("[SEP]")], tokens.InputIds.Take(7));
        Assert.DoesNotContain(Id("[UNK]"), tokens.InputIds);
    }

    [Fact]
    public void Empty_text_is_just_cls_and_sep()
    {
        var tokens = _preprocessor.Tokenize(string.Empty);

        Assert.Equal(2, tokens.TokenCount);
        Assert.Equal([Id("[CLS]"), Id("[SEP]")], tokens.InputIds.Take(2));
    }

    [Fact]
    public void Special_token_spellings_in_user_text_stay_plain_text()
    {
        var tokens = _preprocessor.Tokenize("[SEP]");

        Assert.Equal(Id("[SEP]"), tokens.InputIds[tokens.TokenCount - 1]);
        Assert.True(tokens.TokenCount > 3);
        Assert.Single(tokens.InputIds, Id("[SEP]"));
    }

    [Fact]
    public void Huge_text_is_tokenised_quickly_from_its_beginning()
    {
        var text = "blue coat " + new string('x', 5_000_000);

        var tokens = _preprocessor.Tokenize(text);

        Assert.Equal([Id("[CLS]"), Id("blue"), Id("coat")], tokens.InputIds.Take(3));
    }

    [Fact]
    public void Concurrent_tokenisation_matches_sequential_tokenisation()
    {
        var texts = Enumerable.Range(0, 400).Select(i => $"a {(i % 2 == 0 ? "red" : "blue")} shirt number {i} on a table").ToArray();
        var sequential = texts.Select(t => _preprocessor.Tokenize(t).InputIds).ToArray();

        var parallel = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(8).Select(t => _preprocessor.Tokenize(t).InputIds).ToArray();

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Vocabulary_size_counts_every_token_id()
    {
        Assert.Equal(_vocabulary.Count, _preprocessor.VocabularySize);
    }

    [Fact]
    public void Tokenize_into_spans_rejects_rows_of_the_wrong_length()
    {
        Assert.Throws<ArgumentException>(() => _preprocessor.Tokenize("red", new long[31], new long[32]));
    }

    public void Dispose() => _temp.Dispose();

    private long Id(string token)
    {
        var index = _vocabulary.ToList().IndexOf(token);
        Assert.True(index >= 0, $"'{token}' is not in the vocabulary");
        return index;
    }
}
