namespace Baize.Corpus.Speech;

/// <summary>How one caption is spoken; all randomness is decided at planning time.</summary>
/// <param name="Voice">espeak-ng voice with optional variant, e.g. "en-gb+f3".</param>
/// <param name="WordsPerMinute">espeak-ng speed (-s).</param>
/// <param name="Pitch">espeak-ng pitch (-p), 0..99.</param>
/// <param name="NoiseLevel">Standard deviation of the added Gaussian noise, as a fraction of full scale.</param>
/// <param name="NoiseSeed">Seed of that noise.</param>
internal sealed record SpeechSettings(string Voice, int WordsPerMinute, int Pitch, float NoiseLevel, int NoiseSeed);
