namespace Baize.Compression.Compressing;

/// <summary>The items a student trains on, and the held-out ones its dean and sparsability probe read.</summary>
internal enum TaskSplit
{
    Train,
    Validation,
}
