using Baize.Embedding.Manifests;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Video;

namespace Baize.Embedding.Models;

/// <summary>Checks a parsed manifest on its own terms: required values, usable preprocessing, and inputs that follow the encoder contract.</summary>
internal static class ManifestValidator
{
    public static void Validate(ModelManifest manifest, string folder)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new ModelValidationException(folder, ModelFolder.ManifestFileName, problem);
            }
        }

        Require(!string.IsNullOrWhiteSpace(manifest.Id), "id is empty.");
        Require(IsSafeVersion(manifest.Version), $"version '{manifest.Version}' is not usable as a folder name.");
        Require(manifest.Dimension > 0, $"dimension is {manifest.Dimension}; it must be positive.");
        Require(!string.IsNullOrWhiteSpace(manifest.Output), "output is empty.");
        Require(manifest.Inputs.All(input => input is not null), "inputs contains null.");
        var modality = manifest.Modality;
        var section = ManifestJson.ModalityName(modality);
        Require(manifest.Preprocessing.Has(modality), $"preprocessing has no '{section}' entry for this {section} model.");
        try
        {
            ValidatePreprocessing(modality, manifest.Preprocessing);
        }
        catch (ArgumentException ex)
        {
            throw new ModelValidationException(folder, ModelFolder.ManifestFileName, $"preprocessing.{section} is invalid: {ex.Message}", ex);
        }

        var expected = EncoderContract.Inputs(modality, manifest.Preprocessing);
        foreach (var spec in expected)
        {
            var declared = manifest.Inputs.FirstOrDefault(i => i.Name == spec.Name);
            Require(declared is not null, $"inputs lack '{spec.Name}', which a {section} encoder takes.");
            Require(
                declared!.Matches(spec),
                $"input '{spec.Name}' is declared as {Describe(declared)}; preprocessing.{section} produces {Describe(spec)}.");
        }

        var extra = manifest.Inputs.Select(i => i.Name).Except(expected.Select(e => e.Name)).ToList();
        Require(extra.Count == 0, $"inputs {string.Join(", ", extra)} are not part of the {section} encoder contract.");
    }

    /// <summary>A version is also a folder name, so it must be one plain path segment.</summary>
    public static bool IsSafeVersion(string version) =>
        !string.IsNullOrWhiteSpace(version)
        && version is not ("." or "..")
        && version.IndexOfAny(['/', '\\', '\0']) < 0
        && version.Trim() == version;

    /// <summary>
    /// The preprocessors check their own parameters when constructed. Text is only range-checked here: its
    /// tokenizer needs the vocabulary, which is verified after the file hashes.
    /// </summary>
    private static void ValidatePreprocessing(Modality modality, PreprocessingParameters p)
    {
        switch (modality)
        {
            case Modality.Text:
                ArgumentOutOfRangeException.ThrowIfLessThan(p.Text!.MaxTokens, 2, "max_tokens");
                break;
            case Modality.Image:
                _ = new ImagePreprocessor(p.Image!);
                break;
            case Modality.Audio:
                _ = new AudioPreprocessor(p.Audio!);
                break;
            case Modality.Video:
                _ = new VideoPreprocessor(p.Video!);
                break;
        }
    }

    private static string Describe(TensorSpec spec) => $"{ManifestJson.ElementTypeName(spec.ElementType)} {spec.DescribeShape()}";
}
