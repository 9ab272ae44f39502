namespace Baize.Vectors;

/// <summary>A point: id, vector and payload.</summary>
/// <param name="Vector">Empty when read without vectors.</param>
/// <param name="Payload">Field values; see <see cref="Payload"/> for the value types a payload may hold.</param>
public sealed record VectorRecord(Guid Id, ReadOnlyMemory<float> Vector, IReadOnlyDictionary<string, object> Payload);
