// BERT-tiny (hidden 128, 2 layers, 2 heads, FFN 512) on 12 tokens, weights
// as dense_resource constants (../shared/models). Its projections are
// batch_matmuls with a batch of 1.
// REQUIRES: shared-models
// RUN: roof-opt %shared_models/linalg/bert-tiny.mlir -roof-annotate-cost -o %t
// RUN: FileCheck %s --check-prefix=TOTALS < %t
// RUN: roof-opt %shared_models/linalg/bert-tiny.mlir -roof-annotate-cost=as-written -o - | FileCheck %s --check-prefix=WRITTEN
// RUN: grep -c "linalg.batch_matmul {roof.cost = #roof.cost<flops = 393216," %t | FileCheck %s --check-prefix=QKVO
// RUN: grep -c "linalg.batch_matmul {roof.cost = #roof.cost<flops = 1572864," %t | FileCheck %s --check-prefix=FFN
// RUN: grep -c "linalg.batch_matmul {roof.cost = #roof.cost<flops = 36864," %t | FileCheck %s --check-prefix=ATTN
// RUN: grep -c "linalg.matmul {roof.cost = #roof.cost<flops = 32768," %t | FileCheck %s --check-prefix=POOLER
// RUN: grep -c "linalg.matmul {roof.cost = #roof.cost<flops = 512," %t | FileCheck %s --check-prefix=CLASSIFIER

// 4,386,688 stored parameters as written (the published BERT-tiny has
// 4.4 M), no unknown op. Deployed, parameters are counted in the form
// run-time ops read them: the 1x512 i64 position-id table is read as its
// 1x12 slice, 512 - 12 = 500 fewer, 4,386,188; 32 ops (weight transposes,
// slices, the attention mask folded from constants) are prepared.
// TOTALS: roof.totals = #roof.totals<{{.*}} params = 4386188, {{.*}} prepared = 32, {{.*}} unknown = 0, unknown_ops = {}>
// WRITTEN: roof.totals = #roof.totals<{{.*}} params = 4386688, {{.*}} prepared = 0, {{.*}} unknown = 0, unknown_ops = {}>

// q, k, v, o: 2*12*128*128, 4 per layer x 2 layers.
// QKVO: 8
// FFN up and down: 2*12*128*512, 2 per layer x 2 layers.
// FFN: 4
// QK^T and PV: 2*2 heads*12*12*64, 2 per layer x 2 layers.
// ATTN: 4
// Pooler on the first token: 2*1*128*128.
// POOLER: 1
// Classifier to 2 labels: 2*1*128*2.
// CLASSIFIER: 1
