// Writes tiny_mlp.torchscript.pt, the TorchScript fixture of ModelLoaderTests, with libtorch's C++ API.
// TorchSharp can load and save TorchScript modules but cannot create one, and Python is not available here, so
// this is the one way to produce a genuine TorchScript file on this machine. Built and run by
// make-torchscript-fixture.sh; see docs/models.md.
//
// The module: flatten(x, 1) -> linear(6 -> 4) -> tanh -> linear(4 -> 2), for input [1, 2, 3] and output [1, 2].
// The weights are simple closed forms, so the tests can rebuild the same network with TorchSharp and compare.
#include <torch/script.h>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_tiny_mlp_torchscript <output file>\n";
        return 2;
    }

    torch::jit::Module module("AlgoSpaceTinyMlp");
    // w1[i][j] = ((6i + j) mod 11 - 5) / 10, b1 = [0.1, -0.2, 0.3, -0.4]
    module.register_parameter("w1", torch::arange(24, torch::kFloat32).reshape({4, 6}).remainder(11).sub(5).div(10), false);
    module.register_parameter("b1", torch::tensor({0.1f, -0.2f, 0.3f, -0.4f}), false);
    // w2[i][j] = ((4i + j) mod 5 - 2) / 4, b2 = [0.05, -0.05]
    module.register_parameter("w2", torch::arange(8, torch::kFloat32).reshape({2, 4}).remainder(5).sub(2).div(4), false);
    module.register_parameter("b2", torch::tensor({0.05f, -0.05f}), false);
    module.define(R"(
def forward(self, x):
    h = torch.flatten(x, 1)
    h = torch.tanh(torch.linear(h, self.w1, self.b1))
    return torch.linear(h, self.w2, self.b2)
)");
    module.eval();
    module.save(argv[1]);

    // Printed so a regenerated file can be compared with the tests' expectations at a glance.
    std::cout << module.forward({torch::ones({1, 2, 3})}).toTensor() << std::endl;
    return 0;
}
