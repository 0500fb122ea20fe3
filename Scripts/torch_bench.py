"""PyTorch CPU throughput for the same reference models and protocol as `infogeo bench`.

Optional side-by-side check (pip install torch); never needed by infogeo. Random inputs, SGD(lr=0.01),
20 warm-up steps, 7 windows of 20 steps, median window; threads = torch.get_num_threads().
"""
import time
import torch
import torch.nn as nn

def mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))

def cnn():
    return nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 128), nn.ReLU(), nn.Linear(128, 10))

def bench(name, model, batch, warmup=20, windows=7, steps=20):
    x = torch.randn(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()
    for _ in range(warmup):
        step()
    times = []
    for _ in range(windows):
        t = time.perf_counter()
        for _ in range(steps):
            step()
        times.append((time.perf_counter() - t) / steps)
    med = sorted(times)[len(times) // 2]
    print(f"{name:28s} batch {batch:4d}  {batch / med:10.0f} samples/s  {med * 1e3:7.2f} ms/step")

print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
bench("mlp 784-512-512-10", mlp(), 128)
bench("cnn 32c3-p2-64c3-p2-128-10", cnn(), 64)
