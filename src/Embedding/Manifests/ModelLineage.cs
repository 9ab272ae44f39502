namespace Baize.Embedding.Manifests;

/// <summary>Where a model came from: its parent (the teacher of a compressed student, for example) and how it was made.</summary>
/// <param name="ParentId">Id of the model this one was derived from; null for a model trained from scratch or imported.</param>
/// <param name="ParentVersion">Version of that parent.</param>
/// <param name="Method">How it was made, for example "trained", "teacher-student-dean", "imported".</param>
/// <param name="CreatedUtc">When it was made.</param>
public sealed record ModelLineage(string? ParentId, string? ParentVersion, string Method, DateTimeOffset CreatedUtc);
