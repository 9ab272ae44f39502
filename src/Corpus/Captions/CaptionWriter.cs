using Baize.Corpus.Samples;

namespace Baize.Corpus.Captions;

/// <summary>Describes a sample's attributes in a phrasing drawn from its split's templates.</summary>
internal static class CaptionWriter
{
    public static string Write(SceneAttributes attributes, string split, Random random)
    {
        var shape = (attributes.Items.Count, attributes.Motion) switch
        {
            (1, null) => CaptionShape.SingleScene,
            (2, null) => CaptionShape.PairScene,
            (1, _) => CaptionShape.SingleClip,
            (2, _) => CaptionShape.PairClip,
            _ => throw new ArgumentException($"A sample holds one or two items, not {attributes.Items.Count}.", nameof(attributes)),
        };
        var templates = CaptionTemplates.For(split).Where(template => template.Fits(shape, attributes)).ToArray();
        var template = templates[random.Next(templates.Length)];
        return template.Write(new CaptionContext(attributes, random));
    }
}
