using Baize.Corpus.Samples;

namespace Baize.Corpus.Captions;

/// <summary>
/// Words and phrases that fill caption templates. Both train and test draw on all of them, so the test split
/// never needs a word train lacks; what test holds out is the templates (phrasing and word order).
/// </summary>
internal static class Lexicon
{
    private static readonly Dictionary<string, string[]> ColourWords = new(StringComparer.Ordinal)
    {
        ["red"] = ["red", "crimson", "scarlet"],
        ["green"] = ["green", "emerald"],
        ["blue"] = ["blue", "azure"],
        ["yellow"] = ["yellow", "golden"],
        ["orange"] = ["orange", "amber"],
        ["purple"] = ["purple", "violet"],
        ["pink"] = ["pink", "rose"],
        ["white"] = ["white", "ivory"],
    };

    // "top" is left out for T-shirt/top: it would collide with the position word ("a red top at the top").
    private static readonly Dictionary<string, Noun[]> CategoryNouns = new(StringComparer.Ordinal)
    {
        ["T-shirt/top"] = [new("t-shirt"), new("tee")],
        ["Trouser"] = [new("trousers", IsPairOf: true), new("pants", IsPairOf: true)],
        ["Pullover"] = [new("pullover"), new("sweater"), new("jumper")],
        ["Dress"] = [new("dress"), new("frock")],
        ["Coat"] = [new("coat"), new("jacket")],
        ["Sandal"] = [new("sandal")],
        ["Shirt"] = [new("shirt"), new("blouse")],
        ["Sneaker"] = [new("sneaker"), new("trainer")],
        ["Bag"] = [new("bag"), new("handbag")],
        ["Ankle boot"] = [new("ankle boot"), new("boot")],
    };

    private static readonly Dictionary<string, string[]> PositionPhrases = new(StringComparer.Ordinal)
    {
        [ItemPositions.Left] = ["on the left", "at the left", "on the left side"],
        [ItemPositions.Right] = ["on the right", "at the right", "on the right side"],
        [ItemPositions.Top] = ["at the top", "near the top"],
        [ItemPositions.Bottom] = ["at the bottom", "near the bottom"],
        [ItemPositions.Centre] = ["in the centre", "in the middle"],
    };

    // Where an item is relative to the other item of a pair.
    private static readonly Dictionary<string, string[]> RelationPhrases = new(StringComparer.Ordinal)
    {
        [ItemPositions.Left] = ["to the left of"],
        [ItemPositions.Right] = ["to the right of"],
        [ItemPositions.Top] = ["above"],
        [ItemPositions.Bottom] = ["below", "beneath"],
    };

    private static readonly Dictionary<string, string[]> PronounRelationPhrases = new(StringComparer.Ordinal)
    {
        [ItemPositions.Left] = ["to its left"],
        [ItemPositions.Right] = ["to its right"],
        [ItemPositions.Top] = ["above it"],
        [ItemPositions.Bottom] = ["below it", "beneath it"],
    };

    private static readonly Dictionary<string, string[]> MotionPhrases = new(StringComparer.Ordinal)
    {
        [ClipMotions.Left] = ["drifting to the left", "moving left", "sliding to the left", "gliding left"],
        [ClipMotions.Right] = ["drifting to the right", "moving right", "sliding to the right", "gliding right"],
        [ClipMotions.Up] = ["moving up", "rising", "drifting upwards", "floating up"],
        [ClipMotions.Down] = ["moving down", "sinking", "drifting downwards", "falling"],
        [ClipMotions.ZoomIn] = ["growing larger", "getting bigger", "coming closer"],
        [ClipMotions.ZoomOut] = ["shrinking", "getting smaller", "moving away"],
    };

    private static readonly Dictionary<string, string> ZoomLeads = new(StringComparer.Ordinal)
    {
        [ClipMotions.ZoomIn] = "zooming in on",
        [ClipMotions.ZoomOut] = "zooming out from",
    };

    public static IReadOnlyList<string> Colour(string colour) => ColourWords[colour];

    public static IReadOnlyList<Noun> Category(string category) => CategoryNouns[category];

    public static IReadOnlyList<string> Position(string position) => PositionPhrases[position];

    public static IReadOnlyList<string> Relation(string position) => RelationPhrases[position];

    public static IReadOnlyList<string> PronounRelation(string position) => PronounRelationPhrases[position];

    public static IReadOnlyList<string> Motion(string motion) => MotionPhrases[motion];

    /// <summary>"zooming in on" / "zooming out from", which lead the sentence instead of following the item.</summary>
    public static string ZoomLead(string motion) => ZoomLeads[motion];

    /// <summary>Every colour word, for telling slot words from template words.</summary>
    public static IEnumerable<string> AllColourWords => ColourWords.Values.SelectMany(words => words);

    /// <summary>Every category noun, for telling slot words from template words.</summary>
    public static IEnumerable<string> AllNouns => CategoryNouns.Values.SelectMany(nouns => nouns.Select(noun => noun.Text));
}
