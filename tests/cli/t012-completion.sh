# Shell completion from the option tables: commands, subcommands, options,
# catalog ids and formats complete in bash; the zsh script loads the same.
. "$TOP_SRCDIR/tests/cli/lib.sh"
run "$PROG" help --completion bash
check "bash script exits 0" [ "$rc" = 0 ]
printf '%s\n' "$out" >"$tmp/rigplan.bash"
check "it parses in bash" bash -n "$tmp/rigplan.bash"
run "$PROG" help --completion zsh
check "zsh script exits 0" [ "$rc" = 0 ]
check "zsh script is a compdef through bashcompinit" has "$out" "#compdef rigplan"
run "$PROG" help --completion fish
check "another shell exits 2" [ "$rc" = 2 ]
# complete WORDS...: what bash offers for the last word
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rigplan; printf "%s\n" "${COMPREPLY[@]}"' \
		_ "$tmp/rigplan.bash" "$PROG" "$@" | sort | tr '\n' ' '
}
got=$(complete_words "")
check "commands ($got)" has "$got" "calibrate capacity catalog estimate generate help plan report simulate validate"
got=$(complete_words es)
check "'es' completes to estimate" [ "$got" = "estimate " ]
got=$(complete_words catalog "")
check "catalog's subcommands ($got)" has "$got" "import-nvsmi list"
got=$(complete_words estimate --gp)
check "'estimate --gp' offers --gpu, --gpu-price, --gpus, --gpus-per-node" [ "$got" = "--gpu --gpu-price --gpus --gpus-per-node " ]
got=$(complete_words estimate --gpu h10)
check "'--gpu h10' offers the catalog's H100s ($got)" has "$got" "h100-sxm"
got=$(complete_words plan --gpu l4,h20)
check "a list completes its last element ($got)" has "$got" "l4,h200-sxm"
got=$(complete_words estimate --model llama-3.1-7)
check "'--model llama-3.1-7' offers llama-3.1-70b ($got)" has "$got" "llama-3.1-70b"
got=$(complete_words estimate --precision gguf-q4)
check "--precision offers the formats ($got)" [ "$got" = "gguf-q4_0 gguf-q4_k_m " ]
got=$(complete_words catalog show gpu rtx-409)
check "'catalog show gpu rtx-409' offers rtx-4090 ($got)" has "$got" "rtx-4090"
got=$(complete_words catalog list "")
check "catalog list offers the kinds ($got)" has "$got" "gpus"
got=$(complete_words generate docker --)
check "generate docker's options ($got)" has "$got" "--plan"
got=$(complete_words calibrate --re)
check "calibrate's options ($got)" [ "$got" = "--record --replay " ]
done_testing
