using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Dean;

/// <summary>
/// The hypergradient of a one-step look-ahead, without second-order autograd (the DARTS rule of method.md). The
/// student objective is L = L_task + Σ_l w_l·T_l with weights w (the dean's α and β) and terms T_l; after one step
/// W' = W − η∇L, the held-out loss L_val(W') has ∂L_val/∂w_l = −η·⟨∇T_l(W), g'⟩ with g' = ∇L_val(W'), which is the
/// directional derivative of T_l along g' and is taken by central differences at W ± ε·g'.
/// </summary>
public static class FiniteDifferenceHypergradient
{
    /// <summary>DARTS's perturbation: 0.01 over the norm of the direction.</summary>
    public const double RelativeEpsilon = 0.01;

    /// <param name="parameters">W, perturbed in place and restored before returning.</param>
    /// <param name="direction">g', one tensor per parameter.</param>
    /// <param name="terms">Evaluates every weighted term T_l at the current parameters.</param>
    /// <param name="learningRate">η of the look-ahead step.</param>
    /// <returns>∂L_val/∂w_l for every term.</returns>
    public static double[] Compute(IReadOnlyList<Parameter> parameters, IReadOnlyList<Tensor> direction, Func<double[]> terms, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(terms);
        double norm;
        using (no_grad())
        {
            norm = Math.Sqrt(direction.Sum(d => d.square().sum().to_type(ScalarType.Float64).item<double>()));
        }

        if (norm == 0)
        {
            return new double[terms().Length];
        }

        var epsilon = RelativeEpsilon / norm;
        var offset = 0.0;
        double[] plus;
        double[] minus;
        try
        {
            offset = Shift(parameters, direction, offset, epsilon);
            plus = terms();
            offset = Shift(parameters, direction, offset, -epsilon);
            minus = terms();
        }
        finally
        {
            Shift(parameters, direction, offset, 0);
        }

        return [.. plus.Zip(minus, (p, m) => -learningRate * (p - m) / (2 * epsilon))];
    }

    /// <summary>Moves the parameters from W + offset·g' to W + target·g'; returns the new offset.</summary>
    private static double Shift(IReadOnlyList<Parameter> parameters, IReadOnlyList<Tensor> direction, double offset, double target)
    {
        Move(parameters, direction, target - offset);
        return target;
    }

    /// <summary>W ← W + scale·direction, outside autograd: the look-ahead step and its perturbations.</summary>
    internal static void Move(IReadOnlyList<Parameter> parameters, IReadOnlyList<Tensor> direction, double scale)
    {
        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Count; i++)
        {
            parameters[i].add_(direction[i], alpha: scale);
        }
    }
}
