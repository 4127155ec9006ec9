#!/usr/bin/env python3
"""Roof's training step against published single-GPU training measurements:
prints the tables of docs/validation.md "Training throughput" and "Training
memory". Throughput: the ratio measured time / predicted time, which must
be at least 1 (a bound). Memory: measured / predicted device memory, which
must be within 15 %.

    bench/validate_training.py [--keep DIR]

Each model is written by scripts/gen_gpt_layers.py at the measured
micro-batch and priced with `roof-opt M.mlir --roof-fuse-epilogues[=
attention=true] --roof-report="targets=T training=… batch=B … format=json"`.

Sources (docs/validation.md names them in full):
- MPT (mosaicml/llm-foundry, scripts/train/benchmarking/README.md): tokens/s
  per GPU of 8-GPU FSDP runs at seq 2048, FlashAttention, bf16. On the
  8-GPU nodes (a100-node, h100-node) Roof prices the whole step of one GPU
  under FSDP, which is ZeRO-3 (parallel=dp:8 zero=3: the update of its
  shard, the gradients' reduce-scatter and the weights' all-gathers, hidden
  behind the passes where they fit): tokens / step_s. The A100 40GB row has
  no system file; there it is the forward and backward of one micro-batch,
  tokens / (forward_s + backward_s).
- BERT-large (huggingface/transformers, docs/source/perf_train_gpu_one.mdx,
  "Efficient Training on a Single GPU"): the HF Trainer on one V100-SXM2
  16GB, seq 512, random tokens, 512 samples; samples/s of the whole run,
  and the device memory NVML reports as used after it (MiB), which holds
  the CUDA context the page measures at 1343 MiB. Roof's samples/s is the
  whole step's, optimizer included; its memory is the step's peak plus that
  context.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from bounds import print_bounds  # noqa: E402
from timing import roof_tool, work_folder  # noqa: E402

MPT_SEQ = 2048
BERT_SEQ = 512
MIB = 1 << 20
# The CUDA context the HF page measures before loading the model.
CUDA_CONTEXT_MIB = 1343


def mpt(layers, hidden, heads):
    """MPT (scripts/train/yamls/pretrain/mpt-*.yaml): a GPT decoder without
    biases, vocabulary 50368."""
    return ["gen_gpt_layers.py", "--layers", str(layers), "--hidden",
            str(hidden), "--heads", str(heads), "--vocab", "50368", "--seq",
            str(MPT_SEQ)]


MPT = {
    "MPT-125M": mpt(12, 768, 12), "MPT-350M": mpt(24, 1024, 16),
    "MPT-760M": mpt(24, 1536, 12), "MPT-1B": mpt(24, 2048, 16),
    "MPT-3B": mpt(32, 2560, 20), "MPT-7B": mpt(32, 4096, 32),
    "MPT-13B": mpt(40, 5120, 40),
}
BERT_LARGE = ["gen_gpt_layers.py", "--encoder", "--layers", "24", "--hidden", "1024", "--heads",
              "16", "--vocab", "30522", "--seq", str(BERT_SEQ)]
RESNET_50 = ["gen_cnn.py", "resnet50"]
MPT_OPTIONS = "training=adamw dtype-policy=bf16 master-dtype=f32"
# FSDP over the 8 GPUs of a node: ZeRO-3 (docs/parallelism.md).
FSDP = "parallel=dp:8 zero=3"
AMP = "dtype-policy=f16 master-dtype=f32"
# Every run's layer norms, batch norms and softmaxes are one kernel each, as
# PyTorch's native ops and cuDNN run them (docs/fusion.md).
NORMS = "normalizations=true"
# gen_cnn.py needs the onnx module of Debian's python3.
DEBIAN_PYTHON = "/usr/bin/python3"

# (model, GPU as published, target, micro-batch, Roof's options, measured
# tokens/s per GPU): llm-foundry's tables "A100 80GB with 1600 Gbps
# node-node interconnect (RoCE)", "H100 80GB BF16" and "A100 40GB", 8 GPUs.
MPT_ROWS = [
    ("MPT-125M", "A100 80GB", "a100-node", 40, FSDP, 142830),
    ("MPT-350M", "A100 80GB", "a100-node", 32, FSDP, 58782),
    ("MPT-760M", "A100 80GB", "a100-node", 24, FSDP, 32434),
    ("MPT-1B", "A100 80GB", "a100-node", 14, FSDP, 20513),
    ("MPT-3B", "A100 80GB", "a100-node", 10, FSDP, 10811),
    ("MPT-7B", "A100 80GB", "a100-node", 6, FSDP, 4641),
    ("MPT-13B", "A100 80GB", "a100-node", 2, FSDP, 2262),
    ("MPT-760M", "H100 80GB", "h100-node", 24, FSDP, 63147),
    ("MPT-1B", "H100 80GB", "h100-node", 14, FSDP, 45455),
    ("MPT-7B", "H100 80GB", "h100-node", 6, FSDP, 10643),
    ("MPT-13B", "H100 80GB", "h100-node", 2, FSDP, 4792),
    ("MPT-7B", "A100 40GB", "a100-pcie-40gb", 12,
     "recompute=full scope-depth=2", 3679),
]
# (GPU as published, target, micro-batch, Roof's options, measured images/s):
# NVIDIA DeepLearningExamples, PyTorch/Classification/ConvNets/resnet50v1.5
# README, "Training performance" 1-GPU rows (DGX A100 80GB, DGX-1 V100
# 16GB); the batch sizes are its configs.yml's. SGD with momentum.
RESNET_ROWS = [
    ("A100 80GB", "a100-sxm", 256, "dtype-policy=tf32", 938),
    ("A100 80GB", "a100-sxm", 256, AMP, 2470),
    ("V100 16GB", "v100-sxm", 112, "", 367),
    ("V100 16GB", "v100-sxm", 256, AMP, 1200),
]
# (run as the page names it, micro-batch, Roof's options, measured
# samples/s, measured MiB or None): the runs whose optimizer and precision
# Roof models. Its memory is compared for the f32 runs only: under AMP
# PyTorch keeps f32 weights with f16 copies and runs softmax and layer
# norm in f32, which Roof's f16 policy with an f32 master does not model.
BERT_ROWS = [
    ("vanilla", 4, "training=adamw", 8.86, 14949),
    ("gradient accumulation 4", 1, "training=adamw grad-accum=4", 7.75, 8681),
    ("+ gradient checkpointing", 1,
     "training=adamw grad-accum=4 recompute=full scope-depth=2", 5.99, 6775),
    ("Adafactor", 4, "training=adafactor", 7.96, 12295),
    ("fp16", 4, "training=adamw " + AMP, 18.64, None),
    ("accumulation + checkpointing + fp16", 1,
     "training=adamw grad-accum=4 recompute=full scope-depth=2 " + AMP, 10.09,
     None),
    ("accumulation + checkpointing + fp16 + Adafactor", 1,
     "training=adafactor grad-accum=4 recompute=full scope-depth=2 " + AMP,
     9.06, None),
]


class Pricer:
    """Writes each model once and prices it."""

    def __init__(self, work):
        self.work, self.roof_opt = work, roof_tool("roof-opt")
        self.importer = roof_tool("roof-import-onnx")

    def write(self, name, generator, batch):
        """The model's MLIR: from gen_gpt_layers.py, or for a CNN from
        gen_cnn.py --train and the ONNX importer."""
        path = os.path.join(self.work, "%s-b%d.mlir" % (name, batch))
        if os.path.exists(path):
            return path
        script = os.path.join(ROOT, "scripts", generator[0])
        if generator[0] == "gen_cnn.py":
            onnx = path[:-len(".mlir")] + ".onnx"
            subprocess.run([DEBIAN_PYTHON, script, *generator[1:], "--train",
                            "--batch", str(batch), "-o", onnx], check=True)
            subprocess.run([self.importer, onnx, "-o", path], check=True)
        else:
            subprocess.run([sys.executable, script, *generator[1:],
                            "--batch", str(batch), "-o", path], check=True)
        return path

    def step(self, name, generator, batch, fuse, report):
        out = subprocess.run(
            [self.roof_opt, self.write(name, generator, batch),
             "--roof-fuse-epilogues=" + fuse,
             "--roof-report=%s batch=%d format=json" % (report, batch), "-o",
             os.devnull],
            check=True, capture_output=True, text=True).stdout
        return json.loads(out)["reports"][0]["training"]


def main():
    work = work_folder(__doc__, "roof-training-")
    pricer = Pricer(work)
    print("throughput: measured / predicted time (>= 1: a bound)")
    print("%-9s %-10s %-5s %-26s %10s %10s %6s" % (
        "model", "GPU", "batch", "options", "measured", "Roof", "ratio"))
    ratios = []
    for model, gpu, target, batch, extra, measured in MPT_ROWS:
        step = pricer.step(model, MPT[model], batch,
                           "attention=true " + NORMS,
                           "targets=%s %s %s" % (target, MPT_OPTIONS, extra))
        seconds = (step["step_s"] if "data_parallel" in step else
                   step["forward_s"] + step["backward_s"])
        predicted = batch * MPT_SEQ / seconds
        ratios.append(predicted / measured)
        print("%-9s %-10s %-5d %-26s %10.0f %10.0f %6.2f" % (
            model, gpu, batch, extra or "-", measured, predicted,
            ratios[-1]))
    memory = []
    for run, batch, options, measured, mib in BERT_ROWS:
        step = pricer.step("BERT-large", BERT_LARGE, batch, NORMS,
                           "targets=v100-sxm " + options)
        ratios.append(step["samples_per_s"] / measured)
        print("%-9s %-10s %-5d %-26s %10.2f %10.2f %6.2f" % (
            "BERT-L", "V100 16GB", batch, run[:26], measured,
            step["samples_per_s"], ratios[-1]))
        if mib:
            memory.append((run, batch, mib, step["memory"]["peak"]))
    for gpu, target, batch, options, measured in RESNET_ROWS:
        step = pricer.step("ResNet-50", RESNET_50, batch, NORMS,
                           "targets=%s training=momentum %s" % (target,
                                                                options))
        ratios.append(step["samples_per_s"] / measured)
        print("%-9s %-10s %-5d %-26s %10.0f %10.0f %6.2f" % (
            "ResNet-50", gpu, batch, options or "f32", measured,
            step["samples_per_s"], ratios[-1]))
    print_bounds(ratios)
    print()
    print("memory, BERT-large on V100 16GB: measured / (Roof's peak + the "
          "%d MiB CUDA context)" % CUDA_CONTEXT_MIB)
    print("%-48s %-5s %12s %12s %12s %6s" % (
        "run", "batch", "measured MiB", "Roof peak B", "Roof+ctx MiB",
        "ratio"))
    within = 0
    for run, batch, mib, peak in memory:
        predicted = peak / MIB + CUDA_CONTEXT_MIB
        ratio = mib / predicted
        within += abs(ratio - 1) <= 0.15
        print("%-48s %-5d %12d %12d %12.0f %6.3f" % (
            run, batch, mib, peak, predicted, ratio))
    print("within 15 %%: %d of %d rows" % (within, len(memory)))


if __name__ == "__main__":
    main()
