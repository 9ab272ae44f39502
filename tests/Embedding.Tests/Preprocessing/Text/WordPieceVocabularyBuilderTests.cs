using Baize.Embedding.Preprocessing.Text;

namespace Baize.Embedding.Tests.Preprocessing.Text;

public sealed class WordPieceVocabularyBuilderTests
{
    [Fact]
    public void Vocabulary_starts_with_the_special_tokens_in_id_order()
    {
        var builder = new WordPieceVocabularyBuilder();
        builder.Add("Red shirt");

        var vocabulary = builder.Build();

        Assert.Equal(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], vocabulary.Take(5));
    }

    [Fact]
    public void Words_below_the_minimum_count_are_left_out_but_their_characters_are_kept()
    {
        var builder = new WordPieceVocabularyBuilder(minWordCount: 2);
        builder.AddRange(["Red shirt", "red coat", "a RED bag, finally"]);

        var vocabulary = builder.Build();

        Assert.Contains("red", vocabulary);
        Assert.DoesNotContain("shirt", vocabulary);
        Assert.Contains("s", vocabulary);
        Assert.Contains("##h", vocabulary);
        Assert.Contains(",", vocabulary);
        Assert.Contains("##,", vocabulary);
    }

    [Fact]
    public void Words_are_ordered_by_frequency_then_ordinally_and_the_result_does_not_depend_on_input_order()
    {
        string[] texts = ["coat coat bag", "bag coat zebra zebra", "bag"];
        var forward = new WordPieceVocabularyBuilder(minWordCount: 2);
        forward.AddRange(texts);
        var backward = new WordPieceVocabularyBuilder(minWordCount: 2);
        backward.AddRange(texts.Reverse());

        var vocabulary = forward.Build();

        Assert.Equal(["bag", "coat", "zebra"], vocabulary.Skip(SpecialTokens.All.Count).Take(3));
        Assert.Equal(vocabulary, backward.Build());
    }

    [Fact]
    public async Task Written_vocabulary_has_one_token_per_line_and_no_byte_order_mark()
    {
        var builder = new WordPieceVocabularyBuilder(minWordCount: 1);
        builder.Add("Ünïcode café");
        var path = Path.Combine(Path.GetTempPath(), $"baize-vocab-{Guid.NewGuid():N}.txt");
        try
        {
            await builder.WriteAsync(path, TestContext.Current.CancellationToken);

            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.NotEqual(0xEF, bytes[0]);
            var lines = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).TrimEnd('\n').Split('\n');
            Assert.Equal(builder.Build(), lines);
            Assert.Contains("ünïcode", lines);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
