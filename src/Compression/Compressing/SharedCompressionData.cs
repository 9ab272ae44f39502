using Baize.Compression.Training;

namespace Baize.Compression.Compressing;

/// <summary>
/// The data of many compression runs over one corpus, models tree and feature cache, loaded by the first run that needs
/// it and kept for the others. Loading it for each run cost the benchmark every split and every teacher again per
/// student, and left the process larger after each load (6.4 GB resident after the first, 13.5 GB after the fourth).
/// For runs one after another, as the benchmark makes them.
/// </summary>
public sealed class SharedCompressionData : IDisposable
{
    private (string Corpus, string Models, string Features)? _source;
    private CompressionData? _data;

    /// <summary>The data <paramref name="options"/> name, loaded on the first call.</summary>
    /// <exception cref="ArgumentException">An earlier call loaded another corpus, models tree or feature cache.</exception>
    public async Task<CompressionData> GetAsync(CompressionOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = (options.CorpusFolder, options.ModelsFolder, options.FeatureCache);
        if (_data is not null)
        {
            return _source == source
                ? _data
                : throw new ArgumentException($"This shared data was loaded from {_source}, not {source}.", nameof(options));
        }

        _data = await CompressionData.LoadAsync(options.CorpusFolder, options.ModelsFolder, options.FeatureCache, progress, cancellationToken);
        _source = source;
        return _data;
    }

    public void Dispose()
    {
        _data?.Dispose();
    }
}
