"""Write a parameter series from a PyTorch training loop that `infogeo analyze --checkpoints` reads.

Optional and independent of infogeo (which never runs Python). Needs `pip install torch safetensors`.

    python examples/pytorch_save_params.py --out ckpts --steps 300
    infogeo analyze --checkpoints ckpts && infogeo report runs/checkpoints-ckpts-*

One safetensors file per snapshot, named step-<N>.safetensors (infogeo takes the step from the last
number in the file name). safetensors sorts tensors by name; the model's own order goes into the
metadata key "infogeo.tensor_order", so that infogeo groups and splits the values as its own monitor
would. Save step 0 (the initial weights) too: the first distance is measured from it.
"""
import argparse
import os

import torch
from safetensors.torch import save_file


def save_params(model: torch.nn.Module, step: int, directory: str) -> None:
    tensors = {name: p.detach().to(torch.float32).contiguous().cpu() for name, p in model.named_parameters()}
    order = ",".join(tensors)
    save_file(tensors, os.path.join(directory, f"step-{step:08d}.safetensors"),
              metadata={"step": str(step), "infogeo.tensor_order": order})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="ckpts")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--stride", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    torch.manual_seed(0)
    # A toy problem; replace with your model, data and optimizer.
    x = torch.randn(2000, 784)
    y = (x[:, :10].argmax(dim=1))
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    save_params(model, 0, args.out)
    for step in range(1, args.steps + 1):
        batch = torch.randint(0, len(x), (64,))
        loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % args.stride == 0:
            save_params(model, step, args.out)


if __name__ == "__main__":
    main()
