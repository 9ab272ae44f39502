namespace Baize.Indexer.Messaging;

/// <summary>Re-embed every item of a modality with its active encoder into a shadow collection, then switch the alias.</summary>
/// <param name="Modality">The modality's name ("text", "image", "audio", "video").</param>
public sealed record ReindexRequested(string Modality, string Reason);
