"""Prints PyTorch's parameter values after three optimizer steps on fixed gradients.

Optional cross-check for Tests/OptimizersTests (the Swift tests hold these values as literals and
also recompute them from the formulas); needs `pip install torch`. Never used by the Swift code.
"""
import torch

def run(make):
    p = torch.nn.Parameter(torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64))
    opt = make([p])
    grads = [[0.1, -0.3, 0.2], [-0.2, 0.1, 0.4], [0.05, 0.05, -0.1]]
    for g in grads:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
    return [round(x, 12) for x in p.detach().tolist()]

cases = {
    "sgd": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "sgd_momentum_wd": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01),
    "sgd_nesterov": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, nesterov=True),
    "adam": lambda ps: torch.optim.Adam(ps, lr=0.01),
    "adam_wd": lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1),
    "adamw": lambda ps: torch.optim.AdamW(ps, lr=0.01, weight_decay=0.1),
}
for name, make in cases.items():
    print(name, run(make))
