namespace Baize.Embedding.Preprocessing.Text;

/// <summary>One text as model input: token ids and attention mask (1 for real tokens, 0 for padding), both of the model's sequence length.</summary>
public sealed record TokenizedText(long[] InputIds, long[] AttentionMask)
{
    /// <summary>Real tokens, [CLS] and [SEP] included.</summary>
    public int TokenCount => AttentionMask.Count(static m => m != 0);
}
