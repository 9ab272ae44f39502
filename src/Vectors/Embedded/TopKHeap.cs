namespace Baize.Vectors.Embedded;

/// <summary>
/// The best <c>capacity</c> (score, row) pairs seen so far: a min-heap whose root is the weakest kept score, so a scan
/// rejects almost every row with one comparison and never sorts more than <c>capacity</c> items.
/// </summary>
internal sealed class TopKHeap
{
    private readonly float[] _scores;
    private readonly int[] _rows;
    private int _count;

    public TopKHeap(int capacity)
    {
        _scores = new float[capacity];
        _rows = new int[capacity];
    }

    public int Count => _count;

    /// <summary>A score must beat this to enter; -∞ while the heap is not full.</summary>
    public float Threshold => _count < _scores.Length ? float.NegativeInfinity : _scores[0];

    public void Add(float score, int row)
    {
        if (_count < _scores.Length)
        {
            var i = _count++;
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (_scores[parent] <= score)
                {
                    break;
                }

                _scores[i] = _scores[parent];
                _rows[i] = _rows[parent];
                i = parent;
            }

            _scores[i] = score;
            _rows[i] = row;
            return;
        }

        if (_scores.Length > 0 && score > _scores[0])
        {
            SiftDownFromRoot(score, row);
        }
    }

    /// <summary>The kept pairs in heap order; the caller sorts them (it knows the ids to break ties with).</summary>
    public (float Score, int Row)[] ToArray()
    {
        var result = new (float Score, int Row)[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = (_scores[i], _rows[i]);
        }

        return result;
    }

    private void SiftDownFromRoot(float score, int row)
    {
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _scores[child + 1] < _scores[child])
            {
                child++;
            }

            if (score <= _scores[child])
            {
                break;
            }

            _scores[i] = _scores[child];
            _rows[i] = _rows[child];
            i = child;
        }

        _scores[i] = score;
        _rows[i] = row;
    }
}
