using Baize.Corpus.Captions;
using Baize.Corpus.Generation;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;
using Baize.Corpus.Tests.Support;

namespace Baize.Corpus.Tests.Captions;

/// <summary>What the test split holds out, checked on the plans of full default-size corpora (planning is cheap).</summary>
public sealed class SplitHoldoutTests
{
    public static TheoryData<int> Seeds => [42, 7, 2024];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Test_captions_use_no_train_phrasing_but_only_train_words(int seed)
    {
        var (train, test) = PlanDefaultCorpus(seed);

        var trainSkeletons = train.Select(plan => CaptionSkeleton.Of(plan.Caption)).ToHashSet();
        var reused = test.Select(plan => plan.Caption).Where(caption => trainSkeletons.Contains(CaptionSkeleton.Of(caption))).ToList();
        Assert.True(reused.Count == 0, $"test captions phrased like train captions: {string.Join(" | ", reused.Take(5))}");

        var trainWords = train.SelectMany(plan => CaptionWords.Of(plan.Caption)).ToHashSet();
        var unseen = test.SelectMany(plan => CaptionWords.Of(plan.Caption)).Where(word => !trainWords.Contains(word)).Distinct().ToList();
        Assert.True(unseen.Count == 0, $"test caption words missing from train: {string.Join(", ", unseen)}");
    }

    [Fact]
    public void Every_colour_word_and_category_noun_occurs_in_train_captions()
    {
        var (train, _) = PlanDefaultCorpus(42);
        var trainWords = train.SelectMany(plan => CaptionWords.Of(plan.Caption)).ToHashSet();

        Assert.All(Lexicon.AllColourWords.Concat(Lexicon.AllNouns).SelectMany(CaptionWords.Of), word => Assert.Contains(word, trainWords));
    }

    [Fact]
    public void Test_voices_are_accents_train_and_validation_never_use()
    {
        var pools = RealData.Pools;
        var planner = new SamplePlanner(42, pools);
        var options = new GeneratorOptions();
        var accents = CorpusSplits.All.ToDictionary(
            split => split,
            split => planner.PlanSplit(split, options.SizeOf(split)).Select(plan => VoiceCatalog.AccentOf(plan.Speech.Voice)).ToHashSet());

        Assert.Empty(accents[CorpusSplits.Test].Intersect(accents[CorpusSplits.Train]));
        Assert.Empty(accents[CorpusSplits.Test].Intersect(accents[CorpusSplits.Validation]));
        Assert.Equal(VoiceCatalog.TestAccents.Order(), accents[CorpusSplits.Test].Order());
        Assert.Equal(VoiceCatalog.TrainAccents.Order(), accents[CorpusSplits.Train].Order());
    }

    [Fact]
    public void Captions_name_what_the_sample_shows()
    {
        var (train, _) = PlanDefaultCorpus(42);
        var clip = train.First(plan => plan.Kind == SampleKind.Clip && plan.Attributes.Motion == "left" && plan.Attributes.Items.Count == 1);
        var item = clip.Attributes.Items[0];

        Assert.Equal("right", item.Position);
        Assert.Contains(Lexicon.Motion("left"), phrase => clip.Caption.Contains(phrase, StringComparison.Ordinal));
        Assert.Contains(Lexicon.Colour(item.Colour), word => CaptionWords.Of(clip.Caption).Contains(word));
        Assert.Contains(Lexicon.Category(item.Category), noun => clip.Caption.Contains(noun.Text, StringComparison.Ordinal));
    }

    private static (IReadOnlyList<SamplePlan> Train, IReadOnlyList<SamplePlan> Test) PlanDefaultCorpus(int seed)
    {
        var planner = new SamplePlanner(seed, RealData.Pools);
        var options = new GeneratorOptions();
        return (planner.PlanSplit(CorpusSplits.Train, options.Train), planner.PlanSplit(CorpusSplits.Test, options.Test));
    }
}
