package cli

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

// timeNow is the clock for default dates; tests replace it.
var timeNow = time.Now

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func (a *cliApp) briefingAddCommand() *cobra.Command {
	var excerpt int64
	var heading, commentary, judgment, confidence, marking string
	var at int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "add BRIEFING (--excerpt ID | --heading T | --commentary T | --judgment T [--confidence C])",
		Short: "Add a block to a briefing",
		Args:  exactArgs(1, "a briefing id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "briefing")
			if err != nil {
				return err
			}
			blk, err := blockFromFlags(cmd, excerpt, heading, commentary, judgment)
			if err != nil {
				return err
			}
			if blk.Confidence, err = domain.ParseConfidence(confidence); err != nil {
				return usageError{err}
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("marking") {
				// Marks are read under the briefing's scheme, so the
				// briefing is read first.
				br, err := lib.Briefing(cmd.Context(), id)
				if err != nil {
					return err
				}
				if blk.Marking, err = parseMarkingFlag("marking", br.SchemeDef(), marking); err != nil {
					return err
				}
			}
			if err := lib.AddBlock(cmd.Context(), id, blk, at-1); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, blockOut(blk))
			}
			printf(a.env.Stdout, "Added block %d to briefing %d: %s\n", blk.ID, id, blockLine(blk))
			return nil
		},
	}
	f := cmd.Flags()
	f.Int64Var(&excerpt, "excerpt", 0, "add this excerpt")
	f.StringVar(&heading, "heading", "", "add a section heading")
	f.StringVar(&commentary, "commentary", "", "add your commentary")
	f.StringVar(&judgment, "judgment", "", "add a key judgment")
	f.StringVar(&confidence, "confidence", "", "confidence in the judgment: low, moderate or high")
	f.StringVar(&marking, "marking", "", "portion marking, of the briefing's scheme (see 'attache schemes')")
	f.IntVar(&at, "at", 0, "position to insert at, from 1 (default: the end)")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// blockFromFlags builds the block from whichever one of the kind flags was set.
func blockFromFlags(cmd *cobra.Command, excerpt int64, heading, commentary, judgment string) (*domain.Block, error) {
	var blk *domain.Block
	n := 0
	f := cmd.Flags()
	if f.Changed("excerpt") {
		blk, n = &domain.Block{Type: domain.BlockExcerpt, ExcerptID: excerpt}, n+1
	}
	if f.Changed("heading") {
		blk, n = &domain.Block{Type: domain.BlockHeading, Text: heading}, n+1
	}
	if f.Changed("commentary") {
		blk, n = &domain.Block{Type: domain.BlockCommentary, Text: commentary}, n+1
	}
	if f.Changed("judgment") {
		blk, n = &domain.Block{Type: domain.BlockJudgment, Text: judgment}, n+1
	}
	if n != 1 {
		return nil, usagef("give exactly one of --excerpt, --heading, --commentary or --judgment")
	}
	if f.Changed("confidence") && blk.Type != domain.BlockJudgment {
		return nil, usagef("--confidence goes with --judgment")
	}
	return blk, nil
}

func (a *cliApp) blockMoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "move BLOCK POSITION",
		Short: "Move a block to a position (from 1) in its briefing",
		Args:  exactArgs(2, "a block id and a position"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "block")
			if err != nil {
				return err
			}
			pos, err := strconv.Atoi(args[1])
			if err != nil || pos < 1 {
				return usagef("%q is not a position: count from 1", args[1])
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			if err := lib.MoveBlock(cmd.Context(), id, pos-1); err != nil {
				return err
			}
			printf(a.env.Stdout, "Moved block %d\n", id)
			return nil
		},
	}
}

func (a *cliApp) blockRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove BLOCK",
		Short: "Remove a block from its briefing (an excerpt stays in the library)",
		Args:  exactArgs(1, "a block id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "block")
			if err != nil {
				return err
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			if err := lib.RemoveBlock(cmd.Context(), id); err != nil {
				return err
			}
			printf(a.env.Stdout, "Removed block %d\n", id)
			return nil
		},
	}
}

func (a *cliApp) blockMarkCommand() *cobra.Command {
	var marking string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "mark BRIEFING BLOCK --marking M",
		Short: "Set or clear (--marking \"\") a block's portion marking",
		Long: `Set a block's portion marking, read under the briefing's scheme, or clear
it with --marking "". An excerpt block prints under the higher of its own
mark and its excerpt's, and may not be marked below its excerpt: the
excerpt's own marking is changed with 'attache excerpt edit'.`,
		Args: exactArgs(2, "a briefing id and a block id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0], "briefing")
			if err != nil {
				return err
			}
			blockID, err := parseID(args[1], "block")
			if err != nil {
				return err
			}
			if !cmd.Flags().Changed("marking") {
				return usagef("give the block's marking with --marking (\"\" clears it)")
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			blk, err := markBlock(cmd.Context(), lib, id, blockID, marking)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, blockOut(blk))
			}
			printf(a.env.Stdout, "Marked block %d of briefing %d: %s%s\n", blk.ID, id, portionPrefix(blk), blockLine(blk))
			return nil
		},
	}
	cmd.Flags().StringVar(&marking, "marking", "", "portion marking, of the briefing's scheme (see 'attache schemes'); \"\" clears it")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// markBlock sets the marking of block blockID of briefing id through
// SaveBriefing, edited from the copy just read: what other writers saved
// meanwhile (evidence linked to the judgment, other blocks) is merged in,
// never written over from the old copy, and a clash on the same block is
// retried on a fresh copy.
func markBlock(ctx context.Context, lib domain.Library, id, blockID int64, marking string) (*domain.Block, error) {
	for try := 0; ; try++ {
		base, err := lib.Briefing(ctx, id)
		if err != nil {
			return nil, err
		}
		b := base.Clone()
		i := slices.IndexFunc(b.Blocks, func(x *domain.Block) bool { return x.ID == blockID })
		if i < 0 {
			return nil, domain.Errorf(domain.ENOTFOUND, "briefing %d has no block %d: see its block ids with `attache briefing show %d`", id, blockID, id)
		}
		blk := b.Blocks[i]
		if blk.Marking, err = parseMarkingFlag("marking", b.SchemeDef(), marking); err != nil {
			return nil, err
		}
		saved, err := lib.SaveBriefing(ctx, base, b)
		var clash *domain.MergeConflict
		if errors.As(err, &clash) && try < 5 {
			continue
		}
		if err != nil {
			return nil, err
		}
		if j := slices.IndexFunc(saved.Briefing.Blocks, func(x *domain.Block) bool { return x.ID == blockID }); j >= 0 {
			blk = saved.Briefing.Blocks[j]
		}
		return blk, nil
	}
}
