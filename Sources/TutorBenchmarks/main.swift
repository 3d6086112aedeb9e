import Autodiff
print("benchmarks: not yet written")
