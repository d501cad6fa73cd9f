package domain_test

import (
	"slices"
	"testing"

	"github.com/attache/attache/domain"
)

func TestJudgmentNumbers(t *testing.T) {
	blocks := []*domain.Block{
		{Type: domain.BlockHeading}, {Type: domain.BlockCommentary}, {Type: domain.BlockJudgment},
		{Type: domain.BlockExcerpt}, {Type: domain.BlockJudgment}, {Type: domain.BlockJudgment},
	}
	if got, want := domain.JudgmentNumbers(blocks), []int{0, 0, 1, 0, 2, 3}; !slices.Equal(got, want) {
		t.Errorf("JudgmentNumbers = %v, want %v", got, want)
	}
	if got := domain.JudgmentNumbers(nil); len(got) != 0 {
		t.Errorf("JudgmentNumbers(nil) = %v", got)
	}
}
