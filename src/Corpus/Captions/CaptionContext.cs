using Baize.Corpus.Samples;

namespace Baize.Corpus.Captions;

/// <summary>
/// The phrases one caption is built from. Synonyms are drawn once per item, so an item mentioned twice
/// keeps its words ("a crimson trainer ... the crimson trainer").
/// </summary>
internal sealed class CaptionContext
{
    private readonly SceneAttributes _attributes;
    private readonly Random _random;
    private readonly string[] _colourWords;
    private readonly Noun[] _nouns;

    public CaptionContext(SceneAttributes attributes, Random random)
    {
        _attributes = attributes;
        _random = random;
        _colourWords = [.. attributes.Items.Select(item => Pick(Lexicon.Colour(item.Colour)))];
        _nouns = [.. attributes.Items.Select(item => Pick(Lexicon.Category(item.Category)))];
    }

    /// <summary>Indefinite noun phrase: "a red sneaker", "an amber bag", "a pair of blue trousers".</summary>
    public string A(int item)
    {
        var colour = _colourWords[item];
        var article = "aeiou".Contains(colour[0], StringComparison.Ordinal) ? "an" : "a";
        return _nouns[item].IsPairOf ? $"a pair of {colour} {_nouns[item].Text}" : $"{article} {colour} {_nouns[item].Text}";
    }

    /// <summary>Definite noun phrase: "the red sneaker", "the pair of blue trousers".</summary>
    public string The(int item) =>
        _nouns[item].IsPairOf ? $"the pair of {_colourWords[item]} {_nouns[item].Text}" : $"the {_colourWords[item]} {_nouns[item].Text}";

    /// <summary>Where the item is in the frame: "on the left", "near the top".</summary>
    public string Where(int item) => Pick(Lexicon.Position(_attributes.Items[item].Position));

    /// <summary>Where the item is relative to the other one: "to the left of", "above".</summary>
    public string Relation(int item) => Pick(Lexicon.Relation(_attributes.Items[item].Position));

    /// <summary>Where the item is relative to the other one, named by a pronoun: "to its left", "above it".</summary>
    public string PronounRelation(int item) => Pick(Lexicon.PronounRelation(_attributes.Items[item].Position));

    /// <summary>What the clip's items do: "drifting to the left", "growing larger".</summary>
    public string Moving() => Pick(Lexicon.Motion(RequireMotion()));

    /// <summary>"zooming in on" or "zooming out from".</summary>
    public string ZoomLead() => Lexicon.ZoomLead(RequireMotion());

    private string RequireMotion() =>
        _attributes.Motion ?? throw new InvalidOperationException("A clip template was applied to a still scene.");

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];
}
