using Baize.BenchSupport;

namespace Baize.Api.Inputs;

/// <summary>
/// The query texts: the distinct captions of the corpus's test split (phrasings the encoders never trained on), in a
/// seeded shuffle; without a corpus, captions built from the corpus's vocabulary of colours, garments and places.
/// </summary>
public static class QueryTexts
{
    public static IReadOnlyList<string> Load(string corpusFolder, int seed)
    {
        var captions = CorpusReader.Captions(corpusFolder, "test").ToList();
        if (captions.Count == 0)
        {
            captions = [.. from colour in CorpusVocabulary.Colours
                         from garment in CorpusVocabulary.Garments
                         from place in CorpusVocabulary.Places
                         select $"a {colour} {garment} {place}"];
        }

        var shuffled = captions.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }
}
