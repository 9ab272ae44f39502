namespace Baize.Embedding.Models;

/// <summary>models/&lt;modality&gt;/active.json: which version of the modality's encoder is served.</summary>
public sealed record ActiveModelPointer(string Version, DateTimeOffset ActivatedUtc);
