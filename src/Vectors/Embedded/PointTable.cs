namespace Baize.Vectors.Embedded;

/// <summary>
/// The in-memory copy of one collection that searches scan. Rows 0..Count-1 are dense: one contiguous float slab
/// (row r at r · <see cref="Stride"/>, zero-padded to the kernel width), plus int8 codes and scales for quantised
/// collections, ids and payloads. A removed row is filled with the last row (swap-remove), so scans never meet a
/// hole and need no free list. Not thread-safe; <see cref="LoadedCollection"/> guards it.
/// </summary>
internal sealed class PointTable
{
    private readonly Dictionary<Guid, int> _rows = [];
    private float[] _vectors = [];
    private sbyte[] _codes = [];
    private float[] _scales = [];
    private Guid[] _ids = [];
    private IReadOnlyDictionary<string, object>[] _payloads = [];
    private Guid[]? _sortedIds;

    public PointTable(int dimension, bool quantized)
    {
        Dimension = dimension;
        Stride = FloatKernels.PaddedLength(dimension);
        IsQuantized = quantized;
        CodeStride = quantized ? Int8Kernels.PaddedLength(dimension) : 0;
    }

    public int Dimension { get; }

    /// <summary>Floats per row in the slab (the dimension rounded up to the kernel width).</summary>
    public int Stride { get; }

    public bool IsQuantized { get; }

    /// <summary>Int8 codes per row (0 when not quantised).</summary>
    public int CodeStride { get; }

    public int Count { get; private set; }

    /// <summary>The rows in use of the float slab.</summary>
    public ReadOnlySpan<float> Vectors => _vectors.AsSpan(0, Count * Stride);

    public ReadOnlySpan<sbyte> Codes => _codes.AsSpan(0, Count * CodeStride);

    public ReadOnlySpan<float> Scales => _scales.AsSpan(0, Count);

    public Guid IdAt(int row) => _ids[row];

    public IReadOnlyDictionary<string, object> PayloadAt(int row) => _payloads[row];

    public ReadOnlySpan<float> VectorAt(int row) => _vectors.AsSpan(row * Stride, Stride);

    public bool TryGetRow(Guid id, out int row) => _rows.TryGetValue(id, out row);

    /// <summary>A copy of the row's vector without padding, for returning to callers.</summary>
    public float[] CopyVector(int row) => _vectors.AsSpan(row * Stride, Dimension).ToArray();

    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _ids.Length)
        {
            return;
        }

        var size = Math.Max(capacity, Math.Max(16, _ids.Length * 2));
        if ((long)size * Stride > Array.MaxLength)
        {
            size = Array.MaxLength / Stride;
            if (size < capacity)
            {
                throw StoreValidation.Invalid($"An embedded collection of dimension {Dimension} holds at most {size} points.");
            }
        }

        _vectors = Grow(_vectors, size * Stride);
        _ids = Grow(_ids, size);
        _payloads = Grow(_payloads, size);
        if (IsQuantized)
        {
            _codes = Grow(_codes, size * CodeStride);
            _scales = Grow(_scales, size);
        }
    }

    /// <summary>Inserts or replaces a point; <paramref name="vector"/> has <see cref="Dimension"/> values and is stored as is.</summary>
    public void Upsert(Guid id, ReadOnlySpan<float> vector, IReadOnlyDictionary<string, object> payload)
    {
        if (!_rows.TryGetValue(id, out var row))
        {
            EnsureCapacity(Count + 1);
            row = Count++;
            _rows.Add(id, row);
            _ids[row] = id;
            _sortedIds = null;
        }

        var target = _vectors.AsSpan(row * Stride, Stride);
        vector.CopyTo(target);
        target[vector.Length..].Clear();
        _payloads[row] = payload;
        if (IsQuantized)
        {
            _scales[row] = Int8Kernels.Quantize(vector, _codes.AsSpan(row * CodeStride, CodeStride));
        }
    }

    public bool Remove(Guid id)
    {
        if (!_rows.Remove(id, out var row))
        {
            return false;
        }

        var last = --Count;
        if (row != last)
        {
            var moved = _ids[last];
            _vectors.AsSpan(last * Stride, Stride).CopyTo(_vectors.AsSpan(row * Stride, Stride));
            if (IsQuantized)
            {
                _codes.AsSpan(last * CodeStride, CodeStride).CopyTo(_codes.AsSpan(row * CodeStride, CodeStride));
                _scales[row] = _scales[last];
            }

            _ids[row] = moved;
            _payloads[row] = _payloads[last];
            _rows[moved] = row;
        }

        // Drop the reference so a removed payload can be collected.
        _payloads[last] = null!;
        _sortedIds = null;
        return true;
    }

    /// <summary>
    /// The ids in ascending <see cref="Guid.CompareTo(Guid)"/> order (the order of their canonical strings), for
    /// scrolling. Built on the first scroll after a change and kept until the next change: scrolls come in runs
    /// (paging through a collection), and a sorted structure maintained on every write would cost every upsert.
    /// Safe to call from several readers at once: each may build it, and they build the same array.
    /// </summary>
    public Guid[] SortedIds()
    {
        var sorted = Volatile.Read(ref _sortedIds);
        if (sorted is null)
        {
            sorted = _ids.AsSpan(0, Count).ToArray();
            Array.Sort(sorted);
            Volatile.Write(ref _sortedIds, sorted);
        }

        return sorted;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = GC.AllocateUninitializedArray<T>(size);
        array.AsSpan().CopyTo(grown);
        return grown;
    }
}
