using Baize.Compression.Dean;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Dean;

public sealed class FiniteDifferenceHypergradientTests
{
    private const double LearningRate = 0.05;

    [Fact]
    public void Finite_difference_hypergradient_agrees_with_second_order_autograd_on_a_toy_problem()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(3);
        var trainMatrix = torch.randn(5, 6, dtype: ScalarType.Float64);
        var trainTarget = torch.randn(5, dtype: ScalarType.Float64);
        var validationMatrix = torch.randn(4, 6, dtype: ScalarType.Float64);
        var validationTarget = torch.randn(4, dtype: ScalarType.Float64);
        var anchor = torch.randn(3, dtype: ScalarType.Float64);
        var direction = torch.randn(6, dtype: ScalarType.Float64);
        using var weights = new Parameter(torch.randn(6, dtype: ScalarType.Float64));
        Tensor Task(Tensor w) => (trainMatrix.matmul(w) - trainTarget).square().sum();
        Tensor Validation(Tensor w) => (validationMatrix.matmul(w) - validationTarget).square().sum();
        // Two weighted terms, each reading a different slice (like two layers' hints), one of them nonlinear.
        Tensor[] Terms(Tensor w) => [(w.narrow(0, 0, 3) - anchor).square().sum(), w.narrow(0, 3, 3).dot(direction.narrow(0, 3, 3)).pow(4)];
        double[] termWeights = [0.7, 0.3];

        var expected = AutogradHypergradient(weights, termWeights, Task, Validation, Terms);

        var objective = Task(weights) + Terms(weights).Zip(termWeights, (term, w) => term * w).Aggregate((a, b) => a + b);
        var gradient = torch.autograd.grad([objective], [weights])[0];
        var lookAhead = (weights - (gradient * LearningRate)).detach().requires_grad_();
        var lookAheadGradient = torch.autograd.grad([Validation(lookAhead)], [lookAhead])[0];

        var before = weights.detach().clone();
        var actual = FiniteDifferenceHypergradient.Compute(
            [weights],
            [lookAheadGradient],
            () =>
            {
                using var noGrad = no_grad();
                return [.. Terms(weights).Select(term => term.item<double>())];
            },
            LearningRate);

        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            // Central differences are exact for the quadratic term and O(ε²) off for the quartic one.
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-3 * Math.Abs(expected[i]), $"term {i}: autograd {expected[i]}, finite difference {actual[i]}");
        }

        Assert.True(weights.detach().allclose(before, rtol: 0, atol: 1e-12), "the parameters were not restored");
    }

    [Fact]
    public void Zero_direction_gives_zero_hypergradient_without_evaluating_twice()
    {
        using var scope = NewDisposeScope();
        using var weights = new Parameter(torch.ones(3));
        var evaluations = 0;

        var result = FiniteDifferenceHypergradient.Compute([weights], [torch.zeros(3)], () => { evaluations++; return [1.0, 2.0]; }, LearningRate);

        Assert.Equal([0.0, 0.0], result);
        Assert.Equal(1, evaluations);
    }

    /// <summary>The exact hypergradient: differentiate L_val(W − η∇L(W; w)) with respect to w through the gradient itself.</summary>
    private static double[] AutogradHypergradient(Parameter weights, double[] termWeights, Func<Tensor, Tensor> task, Func<Tensor, Tensor> validation, Func<Tensor, Tensor[]> terms)
    {
        var w = torch.tensor(termWeights, dtype: ScalarType.Float64).requires_grad_();
        var objective = task(weights) + (torch.stack(terms(weights)) * w).sum();
        var gradient = torch.autograd.grad([objective], [weights], create_graph: true)[0];
        var lookAhead = weights - (gradient * LearningRate);
        var hypergradient = torch.autograd.grad([validation(lookAhead)], [w])[0];
        return hypergradient.data<double>().ToArray();
    }
}
